#include <bits/stdc++.h>
using namespace std;

int main() {
    string digits;
    unsigned long long k;
    cin >> digits >> k;
    size_t shift = k % digits.size();
    string rotated = digits.substr(shift) + digits.substr(0, shift);
    size_t first = rotated.find_first_not_of('0');
    cout << (first == string::npos ? "0" : rotated.substr(first)) << "\n";
    return 0;
}
