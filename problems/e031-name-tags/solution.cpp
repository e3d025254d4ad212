#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<string> names(n);
    for (auto& name : names) cin >> name;
    sort(names.begin(), names.end(), [](const string& x, const string& y) {
        if (x.size() != y.size()) return x.size() < y.size();
        return x < y;
    });
    string out;
    for (const auto& name : names) { out += name; out += '\n'; }
    cout << out;
    return 0;
}
