#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<pair<int, int>> stays(n);  // (right end, left end)
    for (auto& [right, left] : stays) cin >> left >> right;
    sort(stays.begin(), stays.end());
    // Announce at the right end of every stay that the earlier announcements missed.
    int count = 0, last = 0;
    for (const auto& [right, left] : stays)
        if (left > last) { count++; last = right; }
    cout << count << "\n";
    return 0;
}
