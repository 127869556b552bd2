main first: [0-9]+ of 200 \([0-9]+%\)
child first: [0-9]+ of 200
