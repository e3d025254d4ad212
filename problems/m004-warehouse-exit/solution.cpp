#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int h, w;
    cin >> h >> w;
    string grid;
    for (int i = 0; i < h; i++) {
        string row;
        cin >> row;
        grid += row;
    }
    int start = grid.find('S');
    vector<int> dist(h * w, -1);
    dist[start] = 0;
    queue<int> frontier;
    frontier.push(start);
    const int dr[4] = {-1, 1, 0, 0}, dc[4] = {0, 0, -1, 1};
    while (!frontier.empty()) {
        int cell = frontier.front();
        frontier.pop();
        if (grid[cell] == 'E') {
            cout << dist[cell] << "\n";
            return 0;
        }
        int r = cell / w, c = cell % w;
        for (int d = 0; d < 4; d++) {
            int nr = r + dr[d], nc = c + dc[d];
            if (nr < 0 || nr >= h || nc < 0 || nc >= w) continue;
            int next = nr * w + nc;
            if (dist[next] < 0 && grid[next] != '#') {
                dist[next] = dist[cell] + 1;
                frontier.push(next);
            }
        }
    }
    cout << -1 << "\n";
    return 0;
}
