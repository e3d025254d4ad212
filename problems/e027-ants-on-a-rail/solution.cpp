#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    string directions;
    cin >> n >> directions;
    // Each west-facing ant meets every east-facing ant to its west.
    long long eastSoFar = 0, pairs = 0;
    for (char c : directions) {
        if (c == 'R') eastSoFar++;
        else pairs += eastSoFar;
    }
    cout << pairs << "\n";
    return 0;
}
