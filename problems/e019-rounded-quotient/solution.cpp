#include <bits/stdc++.h>
using namespace std;

int main() {
    long long x, k;
    cin >> x >> k;
    // Exact integer arithmetic: round |X| / K half up, then restore the sign (2|X| + K fits in 3e18).
    unsigned long long magnitude = x < 0 ? -(unsigned long long)x : (unsigned long long)x;
    unsigned long long q = (2 * magnitude + k) / (2 * (unsigned long long)k);
    long long answer = x >= 0 ? (long long)q : -(long long)q;
    cout << answer << "\n";
    return 0;
}
