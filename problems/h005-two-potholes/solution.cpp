#include <bits/stdc++.h>
using namespace std;

const long long MOD = 998244353;

static long long power(long long base, long long exponent) {
    long long result = 1;
    base %= MOD;
    for (; exponent > 0; exponent >>= 1, base = base * base % MOD)
        if (exponent & 1) result = result * base % MOD;
    return result;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    vector<array<long long, 6>> cases(t);
    long long limit = 0;
    for (auto& c : cases) {
        for (auto& x : c) cin >> x;
        limit = max(limit, c[0] + c[1]);
    }
    vector<long long> fact(limit + 1, 1), inverseFact(limit + 1, 1);
    for (long long i = 1; i <= limit; i++) fact[i] = fact[i - 1] * i % MOD;
    inverseFact[limit] = power(fact[limit], MOD - 2);
    for (long long i = limit; i > 0; i--) inverseFact[i - 1] = inverseFact[i] * i % MOD;

    // Number of monotone routes from (x1, y1) to (x2, y2).
    auto routes = [&](long long x1, long long y1, long long x2, long long y2) -> long long {
        long long dx = x2 - x1, dy = y2 - y1;
        if (dx < 0 || dy < 0) return 0;
        return fact[dx + dy] * inverseFact[dx] % MOD * inverseFact[dy] % MOD;
    };
    string out;
    for (const auto& [h, w, a, b, c, d] : cases) {
        long long throughP = routes(0, 0, a, b) * routes(a, b, h, w) % MOD;
        long long throughQ = routes(0, 0, c, d) * routes(c, d, h, w) % MOD;
        long long throughBoth = (routes(0, 0, a, b) * routes(a, b, c, d) % MOD * routes(c, d, h, w) +
                                 routes(0, 0, c, d) * routes(c, d, a, b) % MOD * routes(a, b, h, w)) % MOD;
        long long answer = ((routes(0, 0, h, w) - throughP - throughQ + throughBoth) % MOD + 2 * MOD) % MOD;
        out += to_string(answer);
        out += '\n';
    }
    cout << out;
    return 0;
}
