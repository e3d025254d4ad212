#include <bits/stdc++.h>
using namespace std;

int main() {
    long long remaining;
    cin >> remaining;
    const long long values[4] = {500, 100, 10, 1};
    long long used = 0;
    // Each coin value divides the next larger one, so using as many large coins as possible is optimal.
    for (long long value : values) {
        long long available;
        cin >> available;
        long long taken = min(available, remaining / value);
        used += taken;
        remaining -= taken * value;
    }
    cout << (remaining == 0 ? used : -1) << "\n";
    return 0;
}
