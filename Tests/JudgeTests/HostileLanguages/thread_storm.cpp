// expect: RE|MLE|TLE
// Starts 10,000 sleeping threads; the task cap must stop it (all of them starting is a wrong answer).
#include <chrono>
#include <thread>

int main() {
    for (int i = 0; i < 10000; i++) {
        // A failed start throws std::system_error, which ends the program with abort().
        std::thread([] {
            for (;;) std::this_thread::sleep_for(std::chrono::seconds(60));
        }).detach();
    }
    return 0;
}
