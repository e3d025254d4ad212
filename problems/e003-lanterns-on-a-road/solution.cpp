#include <bits/stdc++.h>
using namespace std;

int main() {
    long long left, right, step;
    cin >> left >> right >> step;
    cout << right / step - (left - 1) / step << "\n";
    return 0;
}
