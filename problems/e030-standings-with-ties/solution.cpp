#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<int> scores(n);
    for (auto& score : scores) cin >> score;
    vector<int> order(scores);
    sort(order.begin(), order.end(), greater<int>());
    // A player's rank is one more than the number of strictly higher scores.
    string out;
    for (int score : scores) {
        int higher = lower_bound(order.begin(), order.end(), score, greater<int>()) - order.begin();
        out += to_string(higher + 1);
        out += '\n';
    }
    cout << out;
    return 0;
}
