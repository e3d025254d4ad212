#include <bits/stdc++.h>
using namespace std;

// Number of pairs i < j with ranks[i] > ranks[j]; ranks are in 1..size (Fenwick tree).
static long long countInversions(const vector<int>& ranks, int size) {
    vector<int> tree(size + 1, 0);
    long long pairs = 0;
    for (size_t seen = 0; seen < ranks.size(); seen++) {
        long long notGreater = 0;
        for (int i = ranks[seen]; i > 0; i &= i - 1) notGreater += tree[i];
        pairs += (long long)seen - notGreater;
        for (int i = ranks[seen]; i <= size; i += i & -i) tree[i]++;
    }
    return pairs;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<long long> heights(n);
    for (auto& height : heights) cin >> height;
    vector<long long> sorted(heights);
    sort(sorted.begin(), sorted.end());
    sorted.erase(unique(sorted.begin(), sorted.end()), sorted.end());
    int size = sorted.size();
    vector<int> ranks(n), reversedRanks(n);
    for (int i = 0; i < n; i++) {
        ranks[i] = lower_bound(sorted.begin(), sorted.end(), heights[i]) - sorted.begin() + 1;
        reversedRanks[i] = size + 1 - ranks[i];
    }
    cout << min(countInversions(ranks, size), countInversions(reversedRanks, size)) << "\n";
    return 0;
}
