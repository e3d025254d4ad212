#include <bits/stdc++.h>
using namespace std;

int main() {
    string time;
    long long minutes;
    cin >> time >> minutes;
    int hours = stoi(time.substr(0, 2)), mins = stoi(time.substr(3, 2));
    long long total = hours * 60 + mins + minutes;
    long long day = total / (24 * 60), minuteOfDay = total % (24 * 60);
    printf("%02lld:%02lld\n%lld\n", minuteOfDay / 60, minuteOfDay % 60, day);
    return 0;
}
