package gomoji_test

import (
	"fmt"

	"github.com/forPelevin/gomoji"
)

func Example() {
	fmt.Printf("%q\n", gomoji.RemoveEmojis("By Maria Schmidt 📷✨"))
	fmt.Printf("%q\n", gomoji.RemoveEmojis("Anna 👍🏽 Berg"))
	// Output:
	// "By Maria Schmidt "
	// "Anna  Berg"
}
