#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, capacity;
    cin >> n >> capacity;
    // freeBest[c]: best value with backpack load <= c, porter unused;
    // usedBest[c]: best value with backpack load <= c, porter used at most once.
    vector<long long> freeBest(capacity + 1, 0), usedBest(capacity + 1, 0);
    for (int i = 0; i < n; i++) {
        long long weight, value;
        cin >> weight >> value;
        vector<long long> nextFree(freeBest), nextUsed(capacity + 1);
        for (int c = 0; c <= capacity; c++)  // give this item to the porter
            nextUsed[c] = max(usedBest[c], freeBest[c] + value);
        for (int c = weight; c <= capacity; c++) {  // put this item into the backpack
            nextUsed[c] = max(nextUsed[c], usedBest[c - weight] + value);
            nextFree[c] = max(nextFree[c], freeBest[c - weight] + value);
        }
        freeBest.swap(nextFree);
        usedBest.swap(nextUsed);
    }
    cout << usedBest[capacity] << "\n";
    return 0;
}
