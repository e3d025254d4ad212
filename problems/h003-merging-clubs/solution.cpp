#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, q;
    cin >> n >> q;
    vector<int> parent(n + 1), size(n + 1, 1);
    iota(parent.begin(), parent.end(), 0);
    auto find = [&](int x) {
        int root = x;
        while (parent[root] != root) root = parent[root];
        while (parent[x] != root) {
            int next = parent[x];
            parent[x] = root;
            x = next;
        }
        return root;
    };
    string out;
    for (int i = 0; i < q; i++) {
        int kind, u;
        cin >> kind >> u;
        if (kind == 3) {
            out += to_string(size[find(u)]);
            out += '\n';
            continue;
        }
        int v;
        cin >> v;
        int a = find(u), b = find(v);
        if (kind == 1) {
            if (a == b) continue;
            if (size[a] < size[b]) swap(a, b);
            parent[b] = a;
            size[a] += size[b];
        } else {
            out += a == b ? "Yes\n" : "No\n";
        }
    }
    cout << out;
    return 0;
}
