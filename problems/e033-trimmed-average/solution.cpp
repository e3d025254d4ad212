#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, k;
    cin >> n >> k;
    vector<long long> scores(n);
    for (auto& score : scores) cin >> score;
    sort(scores.begin(), scores.end());
    long long sum = 0;
    for (int i = k; i < n - k; i++) sum += scores[i];
    cout << fixed << setprecision(10) << (double)sum / (n - 2 * k) << "\n";
    return 0;
}
