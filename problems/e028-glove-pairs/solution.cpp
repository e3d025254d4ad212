#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    unordered_map<string, pair<int, int>> gloves;  // color -> (left, right)
    for (int i = 0; i < n; i++) {
        string color, side;
        cin >> color >> side;
        if (side == "L") gloves[color].first++;
        else gloves[color].second++;
    }
    long long pairs = 0;
    for (const auto& [color, counts] : gloves) pairs += min(counts.first, counts.second);
    cout << pairs << "\n";
    return 0;
}
