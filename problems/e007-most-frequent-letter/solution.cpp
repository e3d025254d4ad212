#include <bits/stdc++.h>
using namespace std;

int main() {
    string s;
    cin >> s;
    array<int, 26> counts{};
    for (char c : s) counts[c - 'a']++;
    int best = 0;
    for (int letter = 1; letter < 26; letter++)
        if (counts[letter] > counts[best]) best = letter;
    cout << char('a' + best) << " " << counts[best] << "\n";
    return 0;
}
