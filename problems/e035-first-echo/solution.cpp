#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    unordered_set<string> seen;
    for (int turn = 1; turn <= n; turn++) {
        string word;
        cin >> word;
        if (!seen.insert(word).second) {
            cout << turn << " " << word << "\n";
            return 0;
        }
    }
    cout << -1 << "\n";
    return 0;
}
