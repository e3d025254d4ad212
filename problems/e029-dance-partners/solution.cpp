#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<long long> a(n), b(n);
    for (auto& x : a) cin >> x;
    for (auto& x : b) cin >> x;
    sort(a.begin(), a.end());
    sort(b.begin(), b.end());
    // Pairing in sorted order minimises the largest mismatch.
    long long worst = 0;
    for (int i = 0; i < n; i++) worst = max(worst, llabs(a[i] - b[i]));
    cout << worst << "\n";
    return 0;
}
