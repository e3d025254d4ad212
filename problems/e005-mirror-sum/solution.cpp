#include <bits/stdc++.h>
using namespace std;

int main() {
    string digits;
    cin >> digits;
    string reversed(digits.rbegin(), digits.rend());
    unsigned long long m = stoull(digits) + stoull(reversed);
    string text = to_string(m);
    cout << m << "\n" << (text == string(text.rbegin(), text.rend()) ? "Yes" : "No") << "\n";
    return 0;
}
