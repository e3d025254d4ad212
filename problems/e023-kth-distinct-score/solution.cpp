#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, k;
    cin >> n >> k;
    vector<long long> scores(n);
    for (auto& score : scores) cin >> score;
    sort(scores.begin(), scores.end(), greater<long long>());
    scores.erase(unique(scores.begin(), scores.end()), scores.end());
    cout << (k <= (int)scores.size() ? scores[k - 1] : -1) << "\n";
    return 0;
}
