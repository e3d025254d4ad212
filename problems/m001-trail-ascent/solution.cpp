#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, q;
    cin >> n >> q;
    vector<long long> heights(n);
    for (auto& height : heights) cin >> height;
    // up[i]: total ascent walking forward from checkpoint 1 to checkpoint i+1;
    // down[i]: total descent on the same stretch (the ascent when walking it backward).
    vector<long long> up(n, 0), down(n, 0);
    for (int i = 1; i < n; i++) {
        long long diff = heights[i] - heights[i - 1];
        up[i] = up[i - 1] + max(diff, 0LL);
        down[i] = down[i - 1] + max(-diff, 0LL);
    }
    string out;
    for (int j = 0; j < q; j++) {
        int s, t;
        cin >> s >> t;
        s--; t--;
        out += to_string(s <= t ? up[t] - up[s] : down[s] - down[t]);
        out += '\n';
    }
    cout << out;
    return 0;
}
