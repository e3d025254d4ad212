#include <bits/stdc++.h>
using namespace std;

static vector<long long> components(const string& version) {
    vector<long long> parts;
    stringstream stream(version);
    string piece;
    while (getline(stream, piece, '.')) parts.push_back(stoll(piece));
    return parts;
}

int main() {
    string s, t;
    cin >> s >> t;
    vector<long long> a = components(s), b = components(t);
    size_t length = max(a.size(), b.size());
    a.resize(length, 0);
    b.resize(length, 0);
    const char* relation = a < b ? "<" : (a > b ? ">" : "=");
    cout << s << " " << relation << " " << t << "\n";
    return 0;
}
