#include <bits/stdc++.h>
using namespace std;

int main() {
    int x, y, z, target;
    cin >> x >> y >> z >> target;
    int count = 0;
    for (int a = 1; a <= x; a++)
        for (int b = 1; b <= y; b++) {
            int c = target - a - b;
            if (c >= 1 && c <= z) count++;
        }
    cout << count << "\n";
    return 0;
}
