#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, m;
    cin >> n >> m;
    vector<vector<pair<int, long long>>> roads(n + 1);
    for (int i = 0; i < m; i++) {
        int u, v;
        long long toll;
        cin >> u >> v >> toll;
        roads[u].push_back({v, toll});
        roads[v].push_back({u, toll});
    }
    // State 2 * town + couponUsed; Dijkstra over the doubled graph.
    const long long unreached = LLONG_MAX;
    vector<long long> dist(2 * n + 2, unreached);
    priority_queue<pair<long long, int>, vector<pair<long long, int>>, greater<>> heap;
    dist[2] = 0;
    heap.push({0, 2});
    auto relax = [&](int state, long long candidate) {
        if (candidate < dist[state]) {
            dist[state] = candidate;
            heap.push({candidate, state});
        }
    };
    while (!heap.empty()) {
        auto [d, state] = heap.top();
        heap.pop();
        if (d > dist[state]) continue;
        int town = state >> 1, used = state & 1;
        for (const auto& [next, toll] : roads[town]) {
            relax(2 * next + used, d + toll);
            if (!used) relax(2 * next + 1, d + toll / 2);
        }
    }
    long long best = min(dist[2 * n], dist[2 * n + 1]);
    cout << (best == unreached ? -1 : best) << "\n";
    return 0;
}
