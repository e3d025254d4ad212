#include <bits/stdc++.h>
using namespace std;

static bool isLeap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int main() {
    int year, month, day;
    if (scanf("%d/%d/%d", &year, &month, &day) != 3) return 1;
    int lengths[12] = {31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    day++;
    if (day > lengths[month - 1]) {
        day = 1;
        if (++month > 12) { month = 1; year++; }
    }
    printf("%04d/%02d/%02d\n", year, month, day);
    return 0;
}
