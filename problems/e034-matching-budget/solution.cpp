#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    long long k;
    cin >> n >> k;
    unordered_map<long long, int> firstIndex;
    firstIndex.reserve(2 * n);
    for (int j = 1; j <= n; j++) {
        long long x;
        cin >> x;
        auto partner = firstIndex.find(k - x);
        if (partner != firstIndex.end()) {
            cout << partner->second << " " << j << "\n";
            return 0;
        }
        firstIndex.emplace(x, j);  // keeps the first index of each value
    }
    cout << -1 << "\n";
    return 0;
}
