// expect: MLE|RE
// Allocates 1 GiB in 16 MiB blocks and fills every one of them.
#include <iostream>
#include <vector>

int main() {
    std::vector<std::vector<char>> blocks;
    for (int i = 0; i < 64; i++) blocks.emplace_back(std::size_t(16) << 20, char(i + 1));
    std::cout << blocks.size() << "\n";
    return 0;
}
