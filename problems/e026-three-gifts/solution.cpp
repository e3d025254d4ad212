#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    long long budget;
    cin >> n >> budget;
    vector<long long> prices(n);
    for (auto& price : prices) cin >> price;
    long long best = -1;
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) {
            long long pair = prices[i] + prices[j];
            if (pair >= budget) continue;
            for (int k = j + 1; k < n; k++) {
                long long total = pair + prices[k];
                if (total > best && total <= budget) best = total;
            }
        }
    cout << best << "\n";
    return 0;
}
