#include <bits/stdc++.h>
using namespace std;

int main() {
    string digits;
    cin >> digits;
    unsigned long long n = stoull(digits);
    unsigned long long digitSum = 0;
    for (char c : digits) digitSum += c - '0';
    cout << (n % digitSum == 0 ? "Yes" : "No") << "\n";
    return 0;
}
