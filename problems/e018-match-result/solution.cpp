#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    cin >> n;
    int winsA = 0, winsB = 0, totalA = 0, totalB = 0;
    for (int i = 0; i < n; i++) {
        int a, b;
        cin >> a >> b;
        totalA += a;
        totalB += b;
        if (a > b) winsA++;
        else if (b > a) winsB++;
    }
    string result;
    if (winsA != winsB) result = winsA > winsB ? "Takahashi" : "Aoki";
    else if (totalA != totalB) result = totalA > totalB ? "Takahashi" : "Aoki";
    else result = "Draw";
    cout << result << "\n" << winsA << "-" << winsB << "\n";
    return 0;
}
