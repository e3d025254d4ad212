#include <bits/stdc++.h>
using namespace std;

int main() {
    long long left, right;
    cin >> left >> right;
    // The parity of the sum equals the parity of the number of odd terms.
    long long oddTerms = (right + 1) / 2 - left / 2;
    cout << (oddTerms % 2 == 1 ? "Odd" : "Even") << "\n";
    return 0;
}
