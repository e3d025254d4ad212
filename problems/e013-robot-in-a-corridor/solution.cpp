#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, width, position;
    string moves;
    cin >> n >> width >> position >> moves;
    int bumps = 0;
    for (char c : moves) {
        if (c == 'L') {
            if (position == 0) bumps++;
            else position--;
        } else {
            if (position == width) bumps++;
            else position++;
        }
    }
    cout << position << " " << bumps << "\n";
    return 0;
}
