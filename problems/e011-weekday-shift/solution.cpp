#include <bits/stdc++.h>
using namespace std;

int main() {
    const vector<string> days = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    string weekday;
    long long shift;
    cin >> weekday >> shift;
    long long start = find(days.begin(), days.end(), weekday) - days.begin();
    long long index = ((start + shift % 7) % 7 + 7) % 7;
    cout << days[index] << "\n";
    return 0;
}
