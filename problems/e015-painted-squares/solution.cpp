#include <bits/stdc++.h>
using namespace std;

int main() {
    int h, w;
    cin >> h >> w;
    vector<string> grid(h);
    for (auto& row : grid) cin >> row;
    int count = 0;
    for (int i = 0; i + 1 < h; i++)
        for (int j = 0; j + 1 < w; j++)
            if (grid[i][j] == '#' && grid[i][j + 1] == '#' &&
                grid[i + 1][j] == '#' && grid[i + 1][j + 1] == '#')
                count++;
    cout << count << "\n";
    return 0;
}
