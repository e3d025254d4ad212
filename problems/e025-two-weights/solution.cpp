#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    long long target;
    cin >> n >> target;
    vector<long long> weights(n);
    for (auto& weight : weights) cin >> weight;
    long long best = LLONG_MAX;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            best = min(best, llabs(weights[i] + weights[j] - target));
    cout << best << "\n";
    return 0;
}
