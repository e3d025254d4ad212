#include <bits/stdc++.h>
using namespace std;

int main() {
    string s;
    cin >> s;
    int n = s.size();
    int mismatches = 0;
    for (int i = 0; i < n / 2; i++)
        if (s[i] != s[n - 1 - i]) mismatches++;
    bool ok;
    if (mismatches == 1) ok = true;
    // Only the middle character of an odd-length string can be changed freely.
    else if (mismatches == 0) ok = n % 2 == 1;
    else ok = false;
    cout << (ok ? "Yes" : "No") << "\n";
    return 0;
}
