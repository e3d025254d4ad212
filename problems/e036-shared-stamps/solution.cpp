#include <bits/stdc++.h>
using namespace std;

static vector<long long> readKinds(int count) {
    vector<long long> kinds(count);
    for (auto& kind : kinds) cin >> kind;
    sort(kinds.begin(), kinds.end());
    kinds.erase(unique(kinds.begin(), kinds.end()), kinds.end());
    return kinds;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, m;
    cin >> n >> m;
    vector<long long> a = readKinds(n), b = readKinds(m), common;
    set_intersection(a.begin(), a.end(), b.begin(), b.end(), back_inserter(common));
    cout << common.size() << "\n";
    for (size_t i = 0; i < common.size(); i++)
        cout << common[i] << (i + 1 == common.size() ? "\n" : " ");
    return 0;
}
