#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, k;
    cin >> n >> k;
    long long total = 0;
    vector<int> gains(n);
    for (int i = 0; i < n; i++) {
        int before, after;
        cin >> before >> after;
        total += before;
        gains[i] = after - before;
    }
    sort(gains.begin(), gains.end(), greater<int>());
    // Rewrite at most K reports, and only those that improve.
    for (int i = 0; i < k && gains[i] > 0; i++) total += gains[i];
    cout << total << "\n";
    return 0;
}
