#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    map<string, int> counts;
    for (int i = 0; i < n; i++) {
        string flavor;
        cin >> flavor;
        counts[flavor]++;
    }
    // The map is ordered, so the first flavor with the top count is the smallest one.
    string best;
    int bestCount = 0;
    for (const auto& [flavor, count] : counts)
        if (count > bestCount) { best = flavor; bestCount = count; }
    cout << best << "\n";
    return 0;
}
