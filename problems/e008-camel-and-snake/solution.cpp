#include <bits/stdc++.h>
using namespace std;

int main() {
    string s;
    cin >> s;
    string result;
    if (s.find('_') != string::npos) {
        bool capitalizeNext = false;
        for (char c : s) {
            if (c == '_') { capitalizeNext = true; continue; }
            result += capitalizeNext ? char(toupper(c)) : c;
            capitalizeNext = false;
        }
    } else {
        for (char c : s) {
            if (isupper((unsigned char)c)) { result += '_'; result += char(tolower(c)); }
            else result += c;
        }
    }
    cout << result << "\n";
    return 0;
}
