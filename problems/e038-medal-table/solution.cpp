#include <bits/stdc++.h>
using namespace std;

struct Team {
    string name;
    int gold, silver, bronze;
};

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<Team> teams(n);
    for (auto& team : teams) cin >> team.name >> team.gold >> team.silver >> team.bronze;
    sort(teams.begin(), teams.end(), [](const Team& x, const Team& y) {
        return make_tuple(-x.gold, -x.silver, -x.bronze, x.name) <
               make_tuple(-y.gold, -y.silver, -y.bronze, y.name);
    });
    string out;
    for (const auto& team : teams) { out += team.name; out += '\n'; }
    cout << out;
    return 0;
}
