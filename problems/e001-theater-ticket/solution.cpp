#include <bits/stdc++.h>
using namespace std;

int main() {
    int age, base, day;
    cin >> age >> base >> day;
    int price;
    if (age <= 5) price = 0;
    else if (age <= 12 || age >= 65) price = base / 2;
    else if (day % 10 == 0) price = base - 100;
    else price = base;
    cout << price << "\n";
    return 0;
}
