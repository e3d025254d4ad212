#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    long long wanted;
    cin >> n >> wanted;
    vector<long long> secondsPerPage(n);
    for (auto& seconds : secondsPerPage) cin >> seconds;
    // Pages printed by time t, stopping once it reaches the target so the sum cannot overflow.
    auto enough = [&](long long t) {
        long long pages = 0;
        for (long long seconds : secondsPerPage) {
            pages += t / seconds;
            if (pages >= wanted) return true;
        }
        return false;
    };
    long long lo = 0, hi = *min_element(secondsPerPage.begin(), secondsPerPage.end()) * wanted;
    while (hi - lo > 1) {  // enough(lo) is false, enough(hi) is true
        long long mid = lo + (hi - lo) / 2;
        if (enough(mid)) hi = mid;
        else lo = mid;
    }
    cout << hi << "\n";
    return 0;
}
