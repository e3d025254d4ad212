#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<long long> designs(n);
    for (auto& design : designs) cin >> design;
    sort(designs.begin(), designs.end());
    int kinds = unique(designs.begin(), designs.end()) - designs.begin();
    cout << kinds << " " << n - kinds << "\n";
    return 0;
}
