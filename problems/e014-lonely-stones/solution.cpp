#include <bits/stdc++.h>
using namespace std;

int main() {
    int h, w;
    cin >> h >> w;
    vector<string> grid(h);
    for (auto& row : grid) cin >> row;
    auto stoneAt = [&](int i, int j) {
        return i >= 0 && i < h && j >= 0 && j < w && grid[i][j] == '#';
    };
    int count = 0;
    for (int i = 0; i < h; i++)
        for (int j = 0; j < w; j++)
            if (stoneAt(i, j) && !stoneAt(i - 1, j) && !stoneAt(i + 1, j) &&
                !stoneAt(i, j - 1) && !stoneAt(i, j + 1))
                count++;
    cout << count << "\n";
    return 0;
}
