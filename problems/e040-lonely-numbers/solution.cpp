#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<long long> terms(n);
    unordered_map<long long, int> counts;
    for (auto& term : terms) {
        cin >> term;
        counts[term]++;
    }
    vector<long long> lonely;
    for (long long term : terms)
        if (counts[term] == 1) lonely.push_back(term);
    if (lonely.empty()) {
        cout << -1 << "\n";
        return 0;
    }
    for (size_t i = 0; i < lonely.size(); i++)
        cout << lonely[i] << (i + 1 == lonely.size() ? "\n" : " ");
    return 0;
}
