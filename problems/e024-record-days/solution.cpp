#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    long long high, low;
    cin >> high;
    low = high;
    int highs = 1, lows = 1;
    for (int i = 1; i < n; i++) {
        long long t;
        cin >> t;
        if (t > high) { high = t; highs++; }
        if (t < low) { low = t; lows++; }
    }
    cout << highs << " " << lows << "\n";
    return 0;
}
