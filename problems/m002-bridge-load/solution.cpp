#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    long long limit;
    cin >> n >> limit;
    vector<long long> loads(n);
    for (auto& load : loads) cin >> load;
    // For each right end, keep the smallest left end whose window weighs at most the limit.
    long long count = 0, window = 0;
    int left = 0;
    for (int right = 0; right < n; right++) {
        window += loads[right];
        while (window > limit) window -= loads[left++];
        count += right - left + 1;
    }
    cout << count << "\n";
    return 0;
}
