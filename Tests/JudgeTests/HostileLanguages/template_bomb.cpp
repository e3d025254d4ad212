// expect: CE
// compile-expect: CE
// Two new types per level for 40 levels, 2^40 instantiations; the compile's time or memory limit must end it.
#include <iostream>

template <class T, int N>
struct Bomb {
    static const long value = Bomb<Bomb<T, N - 1>*, N - 1>::value + Bomb<const Bomb<T, N - 1>*, N - 1>::value;
};

template <class T>
struct Bomb<T, 0> {
    static const long value = 1;
};

int main() {
    std::cout << Bomb<int, 40>::value << "\n";
    return 0;
}
